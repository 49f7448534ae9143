"""The CIFAR backbones of ISL Studio in plain PyTorch, for the weights `isl-train export --weights` writes.

The networks are those of core/models/alexnet.cpp and resnet.cpp (32x32 input, an L2-normalised
embedding of dimension `feature_dim`), with torchvision's layer names, so an exported state dict
loads with `load_state_dict(state, strict=True)`:

    import torch, isl_models
    net = isl_models.resnet18_cifar(feature_dim=128)
    net.load_state_dict(torch.load("backbone.pt"), strict=True)
    net.eval()
    embedding = net(images)      # [B, 128], unit rows
    features = net.conv5(images)  # [B, 512], what the linear probe reads

`torchvision_resnet_cifar("resnet18" or "resnet50", feature_dim)` builds torchvision's own ResNet
with the CIFAR stem swapped in, as lightly and solo-learn do; the same file loads into it (its
forward gives the embedding before the L2 normalisation). Backbones trained with the ImageNet
stem load into torchvision's resnet18, resnet50 and alexnet built with num_classes=feature_dim.
Needs torch only; torchvision only for torchvision_resnet_cifar.
"""
import torch
from torch import nn
from torch.nn import functional as F


class AlexNetCifar(nn.Module):
    """Five 3x3 convolutions with BatchNorm and three 2x2 max-pools (conv5: 256 x 4 x 4), then
    Linear(4096,1024)-BN-ReLU, Linear(1024,1024)-BN-ReLU, Linear(1024,D). The convolutions keep
    their bias, as in the C++ network."""

    def __init__(self, feature_dim=128):
        super().__init__()

        def conv(inputs, outputs):
            return [nn.Conv2d(inputs, outputs, 3, 1, 1), nn.BatchNorm2d(outputs), nn.ReLU(inplace=True)]

        self.features = nn.Sequential(
            *conv(3, 64), nn.MaxPool2d(2),
            *conv(64, 192), nn.MaxPool2d(2),
            *conv(192, 384), *conv(384, 256), *conv(256, 256), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(
            nn.Linear(256 * 4 * 4, 1024), nn.BatchNorm1d(1024), nn.ReLU(inplace=True),
            nn.Linear(1024, 1024), nn.BatchNorm1d(1024), nn.ReLU(inplace=True),
            nn.Linear(1024, feature_dim))

    def conv5(self, x):
        return self.features(x).flatten(1)

    def forward(self, x):
        return F.normalize(self.classifier(self.conv5(x)), dim=1)


def _shortcut(inputs, outputs, stride):
    if stride == 1 and inputs == outputs:
        return None
    return nn.Sequential(nn.Conv2d(inputs, outputs, 1, stride, bias=False), nn.BatchNorm2d(outputs))


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inputs, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = _shortcut(inputs, planes, stride)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + (x if self.downsample is None else self.downsample(x)))


class Bottleneck(nn.Module):
    """1x1 reduce, 3x3 with the stride (torchvision's "ResNet v1.5"), 1x1 expand by 4."""
    expansion = 4

    def __init__(self, inputs, planes, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.downsample = _shortcut(inputs, planes * 4, stride)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return F.relu(out + (x if self.downsample is None else self.downsample(x)))


class ResNetCifar(nn.Module):
    """3x3 stride-1 stem conv + BN + ReLU without max-pool, stages of widths 64/128/256/512 with
    strides 1/2/2/2, global average pool (conv5), Linear to D."""

    def __init__(self, block, blocks_per_stage, feature_dim=128):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        inputs = 64
        stages = []
        for planes, blocks, stride in zip((64, 128, 256, 512), blocks_per_stage, (1, 2, 2, 2)):
            layers = []
            for i in range(blocks):
                layers.append(block(inputs, planes, stride if i == 0 else 1))
                inputs = planes * block.expansion
            stages.append(nn.Sequential(*layers))
        self.layer1, self.layer2, self.layer3, self.layer4 = stages
        self.fc = nn.Linear(inputs, feature_dim)

    def conv5(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return x.mean((2, 3))

    def forward(self, x):
        return F.normalize(self.fc(self.conv5(x)), dim=1)


def alexnet_cifar(feature_dim=128):
    return AlexNetCifar(feature_dim)


def resnet18_cifar(feature_dim=128):
    return ResNetCifar(BasicBlock, (2, 2, 2, 2), feature_dim)


def resnet50_cifar(feature_dim=128):
    return ResNetCifar(Bottleneck, (3, 4, 6, 3), feature_dim)


def torchvision_resnet_cifar(name="resnet18", feature_dim=128):
    """torchvision's resnet18 or resnet50 with the CIFAR stem: conv1 a 3x3 stride-1 convolution
    without bias, no max-pool, fc to feature_dim. Its forward returns the embedding before the
    L2 normalisation: F.normalize(net(x), dim=1) is what the C++ backbone gives."""
    import torchvision

    net = getattr(torchvision.models, name)(weights=None, num_classes=feature_dim)
    net.conv1 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
    net.maxpool = nn.Identity()
    return net
